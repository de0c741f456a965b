"""Serializers of gov.infomgmt's content for plone.restapi."""

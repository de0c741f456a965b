"""plone.restapi services and serializers of gov.infomgmt."""

"""Installer for the gov.infomgmt package."""

from pathlib import Path
from setuptools import find_packages
from setuptools import setup


long_description = "\n\n".join(
    [
        Path("README.md").read_text(encoding="utf-8"),
        Path("CHANGES.md").read_text(encoding="utf-8"),
    ]
)


setup(
    name="gov.infomgmt",
    version="1.0.0.dev0",
    description="Government information management and disclosure portal on Plone 6.2",
    long_description=long_description,
    long_description_content_type="text/markdown",
    classifiers=[
        "Environment :: Web Environment",
        "Framework :: Plone",
        "Framework :: Plone :: 6.2",
        "Framework :: Plone :: Addon",
        "Programming Language :: Python",
        "Programming Language :: Python :: 3.11",
        "Programming Language :: Python :: 3.12",
        "Natural Language :: Chinese (Simplified)",
        "Operating System :: OS Independent",
        "License :: OSI Approved :: GNU General Public License v2 (GPLv2)",
    ],
    keywords="Python Plone CMS government information disclosure",
    license="GPL version 2",
    packages=find_packages("src"),
    package_dir={"": "src"},
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.11",
    install_requires=[
        "setuptools",
        "Products.CMFPlone",
        "Products.CMFPlacefulWorkflow",
        "chinesecalendar",
        "jsonschema",  # the JSON bodies of the write endpoints
        "numpy",
        "opencc",
        "rjieba",
        "openpyxl",
        "SQLAlchemy",
        "zope.sqlalchemy",
        "plone.api",
        "plone.app.caching",
        "plone.app.contenttypes",
        "plone.app.dexterity",
        "plone.app.iterate",
        "plone.app.layout",
        "plone.app.locales",
        "plone.app.upgrade",
        "plone.classicui",
        "plone.restapi",
        "plonetheme.barceloneta",
        "psycopg2-binary",  # PostgreSQL for RelStorage and the journal (scale-out)
        "RelStorage",
        "Zope",
        "waitress",
    ],
    extras_require={
        "test": [
            "axe-playwright-python",
            "freezegun",
            "hypothesis",  # the fuzz test of the REST API and public pages
            "playwright",
            "plone.app.testing",
            "plone.testing",
            "pytest",
            "pytest-cov",
            "pytest-plone",
            "zope.pytestlayer",
        ],
        "bench": [
            "Faker",
            "tqdm",
        ],
        "lint": [
            "ruff",
            "zpretty",
            "i18ndude",
        ],
    },
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    """,
)

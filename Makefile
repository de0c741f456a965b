# gov.infomgmt: the two commands a newcomer needs are `make start` and `make test`.
# `make help` lists the rest.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/pip

# The server and the site; override on the command line or in the environment.
HOST ?= localhost
PORT ?= 8080
SITE_ID ?= gov
ADMIN_USER ?= admin
ADMIN_PASSWORD ?= admin
export SITE_ID ADMIN_USER ADMIN_PASSWORD

INSTANCE := $(CURDIR)/instance
ZOPE_CONF := $(INSTANCE)/etc/zope.conf
VAR := $(INSTANCE)/var
export GOV_INSTANCE_HOME := $(INSTANCE)
# The database: filestorage (embedded, the default) or relstorage (PostgreSQL at
# GOV_RELSTORAGE_DSN); see "Scale-out" in the README.
GOV_STORAGE ?= filestorage
export GOV_STORAGE
SITE_MARKER := $(VAR)/.site-$(SITE_ID)

PACKAGE_DIR := src/gov/infomgmt
LOCALES := $(PACKAGE_DIR)/locales

.PHONY: help
help: ## Show the make targets
	@grep -E '^[a-zA-Z_.-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- install

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python constraints.txt requirements.txt setup.py
	$(PIP) install --quiet -c constraints.txt pip setuptools wheel
	$(PIP) install --quiet -r requirements.txt
	@touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the pinned packages

$(VAR):
	mkdir -p $(VAR)/filestorage $(VAR)/blobstorage $(VAR)/log $(VAR)/cache

.PHONY: instance
instance: install $(VAR) ## Prepare the Zope instance (instance/var)

# ---------------------------------------------------------------- site

$(SITE_MARKER):
	@$(MAKE) --no-print-directory instance
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/create_site.py --demo
	@touch $@

.PHONY: site
site: $(SITE_MARKER) ## Create the site with demo content if it is missing

.PHONY: create-site
create-site: instance ## Create the site without demo content (for production)
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/create_site.py
	@touch $(SITE_MARKER)

.PHONY: upgrade
upgrade: instance ## Run the add-on's pending upgrade steps on the site (server stopped)
	$(BIN)/zconsole run $(ZOPE_CONF) scripts/create_site.py --upgrade

.PHONY: start
start: instance site ## Install, create the site with demo content if missing, and serve it
	@echo ""
	@echo "  gov.infomgmt: http://localhost:$(PORT)/$(SITE_ID)"
	@echo "  Zope administrator: $(ADMIN_USER) / (ADMIN_PASSWORD, default admin)"
	@echo "  Demo users (password demo-2026): webmaster, editor, archivist, itstaff, staff"
	@echo "  (see README.md); Ctrl-C stops the server."
	@echo ""
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini http_host=$(HOST) http_port=$(PORT)

.PHONY: remind
remind: ## Send today's deadline reminders through the running site (for a daily timer)
	curl --fail --silent --show-error -X POST -H "Accept: application/json" \
	    -u "$(ADMIN_USER):$(ADMIN_PASSWORD)" "http://localhost:$(PORT)/$(SITE_ID)/@disclosure-reminders"
	@echo

.PHONY: holidays
holidays: install ## Read the State Council's holiday notice (FILE=notice.txt) into the running site, after a look
	$(BIN)/python scripts/holidays.py "$(FILE)" $(if $(YEAR),--year $(YEAR),) $(ARGS)

.PHONY: backup
backup: install ## Back up database and blobs while the site runs, and record a BackupLog (FULL=1 for a full one)
	$(BIN)/python scripts/backup.py $(if $(FULL),--full,)

.PHONY: restore-drill
restore-drill: install ## Restore the newest backup into scratch and compare it with the site (POINT=… for a point in time)
	$(BIN)/python scripts/restore_drill.py $(if $(POINT),--point $(POINT),) $(ARGS)

.PHONY: cluster
cluster: install ## Start PostgreSQL, 2 Zope instances on RelStorage, HAProxy and Varnish; print the URL
	$(BIN)/python scripts/cluster.py start

.PHONY: cluster-stop
cluster-stop: ## Stop everything `make cluster` started
	$(BIN)/python scripts/cluster.py stop

.PHONY: cluster-status
cluster-status: ## Say which parts of the cluster run
	$(BIN)/python scripts/cluster.py status

.PHONY: migrate-to-relstorage
migrate-to-relstorage: install ## Copy the FileStorage site into PostgreSQL at GOV_RELSTORAGE_DSN (server stopped) and check the copy
	$(BIN)/python scripts/migrate_to_relstorage.py $(ARGS)

.PHONY: bench
bench: install ## Benchmark this site at SIZE items (100000) against plain Plone; writes docs/benchmarks.md
	$(BIN)/python -m bench.run --size $(or $(SIZE),100000) --seconds $(or $(SECONDS),15)

.PHONY: backup-watchdog
backup-watchdog: ## Check the backups and mail the administrators what is late (for an hourly timer)
	curl --fail --silent --show-error -X POST -H "Accept: application/json" \
	    -u "$(ADMIN_USER):$(ADMIN_PASSWORD)" "http://localhost:$(PORT)/$(SITE_ID)/@backup-watchdog"
	@echo

.PHONY: verify-journal
verify-journal: install ## Recompute the enforcement journal's hash chain (works while the site runs)
	$(BIN)/python scripts/verify_journal.py

# ---------------------------------------------------------------- quality

.PHONY: test
test: install ## Run the whole test suite
	$(BIN)/pytest

.PHONY: lint
lint: install ## Check the code style (ruff, zpretty)
	$(BIN)/ruff check src tests scripts bench
	$(BIN)/ruff format --check src tests scripts bench
	find src instance/etc -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | grep -v '/var/' | xargs $(BIN)/zpretty --check

.PHONY: format
format: install ## Rewrite the code in the project's style
	$(BIN)/ruff check --fix-only src tests scripts bench
	$(BIN)/ruff format src tests scripts bench
	find src instance/etc -name '*.zcml' -o -name '*.xml' -o -name '*.pt' | grep -v '/var/' | xargs $(BIN)/zpretty -i

# ---------------------------------------------------------------- i18n

.PHONY: i18n
i18n: install ## Rebuild the .pot from the code and sync the zh_CN catalogue
	$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/gov.infomgmt.pot --create gov.infomgmt $(PACKAGE_DIR)
	$(BIN)/i18ndude sync --pot $(LOCALES)/gov.infomgmt.pot $(LOCALES)/zh_CN/LC_MESSAGES/gov.infomgmt.po

# ---------------------------------------------------------------- buildout

versions.cfg: constraints.txt ## Regenerate buildout's versions.cfg from constraints.txt
	$(BIN)/python scripts/constraints_to_versions.py constraints.txt > $@

.PHONY: buildout
buildout: versions.cfg ## Build the classic buildout (bin/instance) from the same pins
	test -x bin/buildout || { $(PYTHON) -m venv . && bin/pip install --quiet -c constraints.txt zc.buildout setuptools wheel; }
	bin/buildout

# ---------------------------------------------------------------- clean

.PHONY: clean
clean: ## Remove .venv and build files (keeps the database)
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache

.PHONY: clean-data
clean-data: ## Delete the site's database, blobs and logs (asks first)
	@read -p "Delete $(VAR) with the database and blobs? [y/N] " answer && [ "$$answer" = y ]
	rm -rf $(VAR)

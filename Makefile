# Two commands: `make run` serves the demo, `make test` runs every test. Both set themselves up.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export FLASK_APP := hackathon:create_app

.PHONY: run test setup assets migrate demo chromium services bench clean serve nginx

run: setup migrate demo
	$(BIN)/python wsgi.py

test: $(VENV)/.stamp-dev assets chromium nginx
	@echo "== the whole suite on SQLite =="
	$(BIN)/python -m pytest $(PYTEST_ARGS)
	@echo "== the whole suite on PostgreSQL (skips with a reason when it is not running; CI requires it) =="
	TEST_DATABASE=postgresql $(BIN)/python -m pytest $(PYTEST_ARGS)

setup: $(VENV)/.stamp assets

# Production: SECRET_KEY and DATABASE_URL from the environment; migrations, then gunicorn's gevent
# worker (deploy/serve.py, docs/DEPLOY.md). SIGTERM stops it gracefully.
serve: setup
	$(BIN)/python deploy/serve.py

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.stamp: requirements.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.stamp-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.stamp $@

assets: static/vendor/socket.io.min.js static/vendor/jsQR.js

static/vendor/socket.io.min.js: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	mkdir -p static/vendor
	cp node_modules/socket.io-client/dist/socket.io.min.js node_modules/socket.io-client/dist/socket.io.min.js.map static/vendor/

# The check-in desk's camera scanner decodes QR codes with jsQR (pure JavaScript, no WebAssembly).
static/vendor/jsQR.js: static/vendor/socket.io.min.js
	cp node_modules/jsqr/dist/jsQR.js static/vendor/

migrate: $(VENV)/.stamp
	$(BIN)/flask db upgrade

demo: $(VENV)/.stamp
	$(BIN)/flask hackathon seed-demo --if-empty

# Debian's Chromium drives the browser tests (never `playwright install`: it cannot download here).
chromium:
	@test -x /usr/bin/chromium || { echo "Installing Chromium (Debian package)…"; \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium) >/dev/null \
	  || { echo "Could not install chromium: run 'sudo apt-get install chromium'"; exit 1; }; }

# Debian's nginx for tests/deploy/test_nginx.py and the benchmarks through it (never started as a service here).
nginx:
	@command -v nginx >/dev/null || test -x /usr/sbin/nginx || { echo "Installing nginx (Debian package)…"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx) >/dev/null \
	  || { echo "Could not install nginx: run 'sudo apt-get install nginx'"; exit 1; }; }

bench: $(VENV)/.stamp-dev nginx
	@command -v wrk >/dev/null || { echo "Installing wrk (Debian package) for bench/venue_board.py…"; \
	  (apt-get update -qq && apt-get install -y -qq --no-install-recommends wrk) >/dev/null \
	  || { echo "Could not install wrk: run 'sudo apt-get install wrk'"; exit 1; }; }
	@for script in $(filter-out bench/live_server.py,$(wildcard bench/*.py)); do echo "== $$script"; $(BIN)/python $$script; done

clean:
	rm -rf $(VENV) node_modules static/vendor test-results .pytest_cache

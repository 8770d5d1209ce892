# Two commands do all the set-up on a fresh machine (Python 3.11):
#   make run    install and start the main job
#   make test   install and run the tests
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install install-dev browser services run test test-fast lint evaluate

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip
	# torch first and pinned: it is the CPU wheel; otherwise peft/accelerate pull a CUDA build
	$(PY) -m pip install torch==2.13.0
	$(PY) -m pip install -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(PY) app.py

# the browser test drives Debian's chromium (with an emoji font, as people's browsers have); installed here when missing and we may (root)
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		(apt-get update -qq && apt-get install -y -qq chromium fonts-noto-color-emoji >/dev/null) || \
		echo "note: chromium not installed; the browser test will be skipped"; }

# the scale-out tests start real servers from Debian's postgresql and haproxy; installed here when missing and we may
services:
	@{ ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v haproxy >/dev/null; } || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql haproxy >/dev/null) || \
		echo "note: postgresql/haproxy not installed; the scale-out tests will be skipped"; }

test: install-dev browser services
	CRS_TEST_DATA=1 $(PY) -m pytest -q tests

# while working: everything but app starts and training (still with the MovieLens data tests)
test-fast: install-dev
	CRS_TEST_DATA=1 $(PY) -m pytest -q -m "not slow" tests

lint: install-dev
	$(PY) -m ruff check .

evaluate: install
	$(PY) -m lab.evaluate_cf --dataset movielens-1m --models pop,itemknn,als,ease,multvae,kgat,kgat-ui,ampcf,ampcf-k1,blend --json out/evaluate-movielens-1m.json

# Front door of Parcours. `make demo` and `make test` work on a fresh Debian 12 machine as root.
BUILD ?= build
JOBS ?= $(shell nproc)
DEMO_DB ?= var/demo.db
PARCOURS = $(BUILD)/parcours

.PHONY: deps build web demo test test-unit test-store test-http test-e2e bench lint clean

deps:
	./scripts/install-deps.sh

$(BUILD)/build.ninja:
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD)/build.ninja web
	cmake --build $(BUILD) -j $(JOBS)

web: deps
	cd web && npm run --silent build

demo: build
	./scripts/demo.sh $(PARCOURS) $(DEMO_DB)

test: build
	./scripts/test.sh $(BUILD)

bench: build
	./bench/run.sh $(BUILD)
	./bench/people/run.sh $(BUILD)
	./bench/rome/run.sh $(BUILD)
	./bench/orientation/run.sh $(BUILD)
	./bench/catalogue/run.sh $(BUILD)
	./bench/appointments/run.sh $(BUILD)
	./bench/plan/run.sh $(BUILD)
	./bench/api/run.sh $(BUILD)
	./bench/caf/run.sh $(BUILD)
	./bench/feed/run.sh $(BUILD)
	./bench/csvimport/run.sh $(BUILD)
	./bench/stats/run.sh $(BUILD)
	./bench/impact/run.sh $(BUILD)

lint: build
	./scripts/lint.sh $(BUILD)

clean:
	rm -rf $(BUILD) web/dist

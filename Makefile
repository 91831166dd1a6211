# moments: the two commands are `make run` and `make test`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# A window on a desktop, full screen on a bare console.
RUN_ARGS ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY)),--windowed 1024x600,)

.PHONY: all deps test-deps configure build run test bench clean screenshots

all: build

deps:
	@scripts/install-deps.sh

test-deps:
	@scripts/install-deps.sh --test

configure: deps
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD) -j $(JOBS)

run: build
	./$(BUILD)/moments $(RUN_ARGS)

test: test-deps configure
	@cmake --build $(BUILD) -j $(JOBS)
	@cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

bench: build
	@bench/run.sh $(BUILD)

# Renders every screen at the four screen sizes into docs/screenshots/.
screenshots: test-deps build
	@scripts/screenshots.sh $(BUILD) docs/screenshots

clean:
	rm -rf $(BUILD)

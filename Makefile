# moments: the two commands are `make run` and `make test`.
BUILD ?= build
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
# A window on a desktop, full screen on a bare console.
RUN_ARGS ?= $(if $(or $(DISPLAY),$(WAYLAND_DISPLAY)),--windowed 1024x600,)

.PHONY: all deps test-deps configure build run test bench clean screenshots
.PHONY: release install uninstall deb setup-pi

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

# Installing on the Pi (README: "Set up the kitchen Pi"). A Release build of
# its own in $(RELEASE_BUILD); under sudo it is built as the user who called
# sudo, so no root-owned files end up in build/.
PREFIX ?= /usr/local
RELEASE_BUILD ?= $(BUILD)/release
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)
AS_USER = $(if $(and $(filter 0,$(shell id -u)),$(filter-out root,$(SUDO_USER))),runuser -u $(SUDO_USER) --,)

release: deps
	@$(AS_USER) cmake -S . -B $(RELEASE_BUILD) -DCMAKE_BUILD_TYPE=Release -DMOMENTS_TESTS=OFF \
		-DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_FLAGS) >/dev/null
	@$(AS_USER) cmake --build $(RELEASE_BUILD) -j $(JOBS)

# The program, moment library, unit, udev rules and (if absent) the config.
install: release
	DESTDIR="$(DESTDIR)" cmake --install $(RELEASE_BUILD) --strip

# Removes what install put there (install_manifest.txt) and disables the unit.
uninstall:
	DESTDIR="$(DESTDIR)" scripts/uninstall.sh $(RELEASE_BUILD)

# build/moments_<version>_<arch>.deb, for `sudo apt install ./build/moments_*.deb`.
deb:
	@command -v dpkg-shlibdeps >/dev/null 2>&1 && command -v file >/dev/null 2>&1 || \
		$(SUDO) apt-get install -y -qq --no-install-recommends dpkg-dev file
	@$(MAKE) --no-print-directory release PREFIX=/usr
	@rm -f $(BUILD)/moments_*.deb
	@cpack --config $(RELEASE_BUILD)/CPackConfig.cmake -B $(BUILD) >/dev/null
	@rm -rf $(BUILD)/_CPack_Packages
	@ls $(BUILD)/moments_*.deb

# make install, then the user, groups, udev, the unit enabled, tty1's login
# prompt off (scripts/setup-pi.sh).
setup-pi:
	$(SUDO) $(MAKE) --no-print-directory install
	$(SUDO) scripts/setup-pi.sh

# Proof under stress (tests/reliability/, fuzz/): power cuts, bad input,
# fuzzing and a long soak; bounded in time, run by CI after `make test`.
.PHONY: check-reliability fuzz test-asan bench-chromium
check-reliability: test-deps build
	@tests/reliability/run.sh $(BUILD)

FUZZ_SECONDS ?= 60
fuzz: test-deps
	@fuzz/run.sh $(FUZZ_SECONDS)

# The whole suite again under AddressSanitizer and UBSan (LeakSanitizer too).
ASAN_BUILD ?= $(BUILD)-asan
test-asan: test-deps
	@cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DMOMENTS_SANITIZE=ON $(CMAKE_FLAGS) >/dev/null
	@cmake --build $(ASAN_BUILD) -j $(JOBS)
	@cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
		UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -LE hw

# moments against a Chromium kiosk showing the same page (bench/RESULTS.md).
bench-chromium: build
	@bench/chromium.sh $(BUILD)

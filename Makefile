# The two commands of the README: `make site` and `make test`, plus the sanitizer build.
BUILD_DIR ?= build
ASAN_DIR ?= build-asan
JOBS ?= 2
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo
# Sanitized builds: -O1 with line tables compiles twice as fast as -O2 -g, and reports still name
# the file and line.
SANITIZED_FLAGS ?= -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"

.PHONY: all deps build site test test-asan format clean

all: build

deps:
	@scripts/install-deps

$(BUILD_DIR)/CMakeCache.txt:
	cmake -S . -B $(BUILD_DIR) $(CMAKE_FLAGS)

build: deps $(BUILD_DIR)/CMakeCache.txt
	cmake --build $(BUILD_DIR) -j $(JOBS)

site: build
	$(BUILD_DIR)/cli/digestif build
	@echo
	@echo "The sample site is in site/. To preview it with live reload, run the preview server and"
	@echo "open the address it prints (http://127.0.0.1:1313/):"
	@echo "  $(BUILD_DIR)/cli/digestif serve"

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

# The sanitized run leaves out the crash-safety test: it kills builds, which is the point of it,
# and it runs in the plain suite.
test-asan: deps
	cmake -S . -B $(ASAN_DIR) $(SANITIZED_FLAGS) -DDIGESTIF_SANITIZE=ON
	cmake --build $(ASAN_DIR) -j $(JOBS)
	cd $(ASAN_DIR) && ASAN_OPTIONS=detect_leaks=1 ctest --output-on-failure -j $(JOBS) -E crash_safety

format:
	clang-format -i $$(git ls-files '*.cc' '*.h')

clean:
	rm -rf $(BUILD_DIR) $(ASAN_DIR)

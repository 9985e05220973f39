# crosscheck - claim-consistency checker for news text.
#
#   make example   install missing packages, build, check the bundled corpus
#   make test      unit tests (Criterion) and golden tests of the binary
#   make check     the same under ASan+UBSan, failing on any sanitizer report
#   make bench     benchmarks (accuracy and speed, with peers side by side)
#   make install   PREFIX=/usr/local DESTDIR=

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man/man1
DATADIR ?= $(PREFIX)/share/crosscheck

CC ?= cc
CSTD = -std=c11 -D_GNU_SOURCE -DJUDYERROR_NOTEST
WARN = -Wall -Wextra -Wshadow -Wmissing-prototypes -Wno-unused-parameter
ifeq ($(CI),true)
WARN += -Werror
endif
OPT ?= -O2 -g
CFLAGS_ALL = $(CSTD) $(WARN) $(OPT) -pthread -MMD -MP -Isrc $(CFLAGS)
LIBS = -lpcre2-8 -lJudy -lyaml -ljansson -lm -pthread

# Debian packages the build, tests and benchmarks need.
DEB_BUILD = gcc make pkg-config libpcre2-dev libjudy-dev libyaml-dev libjansson-dev
DEB_TEST = libcriterion-dev

B ?= build
SRC := $(sort $(wildcard src/*.c))
LIB_SRC := $(filter-out src/main.c,$(SRC))
LIB_OBJ := $(LIB_SRC:src/%.c=$(B)/obj/%.o) $(B)/obj/rules_embedded.o
RULE_FILES := $(sort $(shell find rules -name '*.yml' -o -name '*.tsv' 2>/dev/null))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_OBJ := $(UNIT_SRC:tests/unit/%.c=$(B)/obj/tests/%.o)

BIN = crosscheck

.PHONY: all deps deps-test example test unit golden test-sarif test-browser check bench lint install uninstall clean fuzz fuzz-build test-robust valgrind

all: $(BIN)

# Installs what is missing (as root: apt-get; otherwise it says what to run).
deps:
	@tools/ensure-packages $(DEB_BUILD)

deps-test: deps
	@tools/ensure-packages $(DEB_TEST)

example: deps
	@$(MAKE) --no-print-directory $(BIN)
	./$(BIN) check fixtures/example || test $$? -eq 1

$(BIN): $(B)/crosscheck
	cp $< $@

$(B)/crosscheck: $(B)/obj/main.o $(B)/libcrosscheck.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ $(LIBS) $(LDFLAGS)

$(B)/libcrosscheck.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

$(B)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(B)/obj/rules_embedded.o: $(B)/gen/rules_embedded.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(B)/gen/rules_embedded.c: $(B)/embed $(RULE_FILES)
	@mkdir -p $(dir $@)
	$(B)/embed $@ $(foreach f,$(RULE_FILES),$(f)=$(f))

$(B)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<

$(B)/obj/tests/%.o: tests/unit/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(B)/unit-tests: $(UNIT_OBJ) $(B)/libcrosscheck.a
	$(CC) $(CFLAGS_ALL) -o $@ $^ -lcriterion $(LIBS) $(LDFLAGS)

# ---- tests ---------------------------------------------------------------

test: deps-test
	@$(MAKE) --no-print-directory unit golden test-sarif

unit: $(B)/unit-tests
	cd tests/unit && ../../$(B)/unit-tests $(UNIT_FLAGS)

golden: $(B)/crosscheck
	tests/golden/run $(B)/crosscheck

# SARIF 2.1.0 schema validation (ajv + the schema from npm @microsoft/jest-sarif,
# pinned by package-lock.json)
tests/sarif/node_modules/.package-lock.json: tests/sarif/package.json tests/sarif/package-lock.json
	@command -v npm >/dev/null || tools/ensure-packages npm
	cd tests/sarif && npm ci --no-audit --no-fund --ignore-scripts

test-sarif: $(B)/crosscheck tests/sarif/node_modules/.package-lock.json
	tests/sarif/run $(B)/crosscheck

# The HTML report rendered in headless Chromium
test-browser: deps $(B)/crosscheck
	@tools/ensure-packages chromium
	tests/browser/run $(B)/crosscheck

# Sanitizer build in its own tree; any report in the logs fails the target.
SAN = -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
check: deps-test
	@rm -rf build/asan/logs && mkdir -p build/asan/logs
	$(MAKE) --no-print-directory B=build/asan OPT="-O1 -g $(SAN)" LDFLAGS="$(SAN)" \
		build/asan/crosscheck build/asan/unit-tests
	cd tests/unit && ASAN_OPTIONS=detect_leaks=1:log_path=$(CURDIR)/build/asan/logs/asan \
		UBSAN_OPTIONS=print_stacktrace=1:log_path=$(CURDIR)/build/asan/logs/ubsan \
		../../build/asan/unit-tests --jobs 2
	ASAN_OPTIONS=detect_leaks=1:log_path=$(CURDIR)/build/asan/logs/asan \
		UBSAN_OPTIONS=print_stacktrace=1:log_path=$(CURDIR)/build/asan/logs/ubsan \
		tests/golden/run build/asan/crosscheck
	@if ls build/asan/logs/* >/dev/null 2>&1; then \
		echo "sanitizer reports:"; cat build/asan/logs/*; exit 1; \
	else echo "sanitizers: no reports"; fi

bench: $(BIN)
	@for b in bench/*/run; do [ -x "$$b" ] && { echo "== $$b"; $$b || exit 1; }; done; true

lint:
	clang-format --dry-run --Werror src/*.c src/*.h tests/unit/*.c
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability --inline-suppr -Isrc src

# ---- robustness: fuzzing, bad inputs, valgrind --------------------------
#
#   make fuzz         libFuzzer targets (fuzz/fuzz_*.c), FUZZ_SECONDS each
#   make test-robust  a directory of good articles mixed with every kind of bad input
#   make valgrind     the golden tests' command lines under valgrind memcheck

FUZZ_CC ?= clang
FUZZ_SECONDS ?= 45
FUZZ_TARGETS ?= document rules normalize extract
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FB = build/fuzz

# The library in its own tree, instrumented for coverage and the sanitizers;
# each target links it with libFuzzer's main.
fuzz-build: deps
	@tools/ensure-packages clang libclang-rt-14-dev
	$(MAKE) --no-print-directory B=$(FB) CC=$(FUZZ_CC) \
		OPT="-O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)" $(FB)/libcrosscheck.a
	@for t in $(FUZZ_TARGETS); do \
		echo "$(FUZZ_CC) ... -o $(FB)/fuzz-$$t fuzz/fuzz_$$t.c"; \
		$(FUZZ_CC) $(CSTD) $(WARN) -O1 -g -fsanitize=fuzzer $(FUZZ_SAN) -Isrc \
			-o $(FB)/fuzz-$$t fuzz/fuzz_$$t.c $(FB)/libcrosscheck.a $(LIBS) || exit 1; \
	done

fuzz: fuzz-build
	fuzz/run $(FB) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

test-robust: $(B)/crosscheck
	@tools/ensure-packages jq
	tests/robust/run $(B)/crosscheck

# Every golden case's command line, its binary under memcheck; any error or
# definite leak fails.
valgrind: deps $(B)/crosscheck
	@tools/ensure-packages valgrind
	tests/robust/valgrind $(B)/crosscheck

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DATADIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/crosscheck
	if [ -f man/crosscheck.1 ]; then install -m 644 man/crosscheck.1 $(DESTDIR)$(MANDIR)/; fi
	cp -R rules $(DESTDIR)$(DATADIR)/

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/crosscheck $(DESTDIR)$(MANDIR)/crosscheck.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build $(BIN)

-include $(wildcard $(B)/obj/*.d $(B)/obj/tests/*.d build/asan/obj/*.d build/asan/obj/tests/*.d)

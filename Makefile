# schemagate -- one plain GNU Makefile, pkg-config, no configure step.
# User CFLAGS/LDFLAGS are appended, never replaced. Quiet unless V=1.

VERSION   := 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
CC        ?= cc
PKG_CONFIG ?= pkg-config

# `make asan test` builds and tests with sanitizers in a separate tree.
ifneq ($(filter asan,$(MAKECMDGOALS)),)
SANITIZE  ?= address,undefined
endif
ifneq ($(SANITIZE),)
B         := build-san
OPT       := -O1 -g -fno-omit-frame-pointer -fsanitize=$(SANITIZE) -fno-sanitize-recover=all
FORTIFY   :=
else
B         := build
OPT       := -O2 -g
FORTIFY   := -U_FORTIFY_SOURCE -D_FORTIFY_SOURCE=2
endif

WERROR    ?= 1
WARN      := -Wall -Wextra $(if $(filter 1,$(WERROR)),-Werror) -Wshadow -Wformat=2 -Wformat-security \
             -Wstrict-prototypes -Wmissing-prototypes -Wold-style-definition -Wvla \
             -Wpointer-arith -Wundef -Wcast-align -Wwrite-strings
HARDEN    := $(FORTIFY) -fstack-protector-strong -fstack-clash-protection -fPIE
HARDEN_LD := -pie -Wl,-z,relro,-z,now -Wl,-z,noexecstack
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE -pthread -Iinclude $(OPT) $(WARN) $(HARDEN) -MMD -MP \
               -DSG_VERSION='"$(VERSION)"'
BASE_LDFLAGS := -pthread $(HARDEN_LD) $(if $(SANITIZE),-fsanitize=$(SANITIZE))

# Drivers: each is compiled in when its client library is present.
DRIVERS   ?= $(strip sqlite \
               $(if $(wildcard src/drivers/postgres.c),$(if $(shell $(PKG_CONFIG) --exists libpq && echo y),postgres)) \
               $(if $(wildcard src/drivers/mysql.c),$(if $(shell $(PKG_CONFIG) --exists libmariadb && echo y),mysql)))
PC_sqlite   := sqlite3
PC_postgres := libpq
PC_mysql    := libmariadb
# The binary does not link the client libraries: each is dlopen'ed when a URL
# of its scheme is first used (src/dynlib.c, its table in src/libs/LIB.c), so
# only their headers are needed to build it. Tests whose own code calls a
# library link it (CLIENT_LIBS).
LIB_sqlite   := libsqlite3
LIB_postgres := libpq
LIB_mysql    := libmariadb
CLIENT_PKGS := $(foreach d,$(DRIVERS),$(PC_$(d)))
PKG_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcrypto $(CLIENT_PKGS))
PKG_LIBS  := $(shell $(PKG_CONFIG) --libs libcrypto)
CLIENT_LIBS := $(shell $(PKG_CONFIG) --libs $(CLIENT_PKGS))
CHECK_CFLAGS := $(shell $(PKG_CONFIG) --cflags check 2>/dev/null)
CHECK_LIBS := $(shell $(PKG_CONFIG) --libs check 2>/dev/null)

ALL_CFLAGS  = $(CPPFLAGS) $(BASE_CFLAGS) $(PKG_CFLAGS) \
              $(foreach d,$(DRIVERS),-DSG_HAVE_$(shell echo $(d) | tr a-z A-Z)) $(CFLAGS)
ALL_LDFLAGS = $(BASE_LDFLAGS) $(LDFLAGS)

# The engine (no client library needed) and the drivers.
# Pure modules (unit-tested without any database) and the engine above them.
PURE_SRC  := src/error.c src/log.c src/config.c src/migration.c src/checksum.c src/lock.c \
             src/ledger.c src/sqlsplit.c src/clock.c src/handoff.c src/cli.c src/buf.c
CORE_SRC  := $(filter-out src/main.c,$(wildcard src/*.c))
DRV_SRC   := $(foreach d,$(DRIVERS),src/drivers/$(d).c src/libs/$(LIB_$(d)).c)
PURE_OBJ  := $(PURE_SRC:src/%.c=$(B)/%.o)
CORE_OBJ  := $(CORE_SRC:src/%.c=$(B)/%.o)
DRV_OBJ   := $(DRV_SRC:src/%.c=$(B)/%.o)
BIN       := $(B)/schemagate

UNIT_SRC  := $(wildcard tests/unit/*.c)
E2E_SRC   := $(wildcard tests/e2e/*.c)
INTEG_SRC := $(wildcard tests/integration/*.c)

ifeq ($(V),1)
Q :=
else
Q := @
endif

.PHONY: all test check unit e2e integration demo bench install uninstall clean asan valgrind \
        fuzz format-check lint deps
all: $(BIN)

# Rebuild when the set of drivers (and so the SG_HAVE_* macros) changes.
space := $(empty) $(empty)
comma := ,
DRIVERS_STAMP := $(B)/.drivers-$(subst $(space),-,$(DRIVERS))
$(DRIVERS_STAMP):
	@mkdir -p $(B)
	@rm -f $(B)/.drivers-*
	@touch $@

$(B)/%.o: src/%.c Makefile $(DRIVERS_STAMP)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BIN): $(CORE_OBJ) $(DRV_OBJ) $(B)/main.o
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(PKG_LIBS)

# Tests: unit (no servers), e2e (the real binary), integration (driver conformance).
$(B)/tests/%.o: tests/%.c Makefile
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) $(CHECK_CFLAGS) -Wno-missing-prototypes -Wno-format-truncation -Itests -c -o $@ $<

$(B)/unit-tests: $(UNIT_SRC:%.c=$(B)/%.o) $(CORE_OBJ)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(PKG_LIBS) $(CHECK_LIBS)
$(B)/e2e-tests: $(E2E_SRC:%.c=$(B)/%.o)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(CHECK_LIBS) -lutil
$(B)/integration-tests: $(INTEG_SRC:%.c=$(B)/%.o) $(CORE_OBJ) $(DRV_OBJ)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $^ $(ALL_LDFLAGS) $(PKG_LIBS) $(CLIENT_LIBS) $(CHECK_LIBS) -pthread
$(B)/tests/helpers/%: tests/helpers/%.c
	@mkdir -p $(dir $@)
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS)

HELPERS := $(patsubst tests/helpers/%.c,$(B)/tests/helpers/%,$(wildcard tests/helpers/*.c))
TEST_BINS := $(BIN) $(B)/unit-tests $(B)/e2e-tests $(HELPERS) \
             $(if $(INTEG_SRC),$(B)/integration-tests)

deps:
	@tests/lib/deps.sh test
	@tests/lib/deps.sh container

# Everything: installs missing packages (as root), starts throwaway servers.
test: deps
	@$(MAKE) --no-print-directory $(TEST_BINS) SANITIZE=$(SANITIZE)
	@B=$(B) tests/run.sh all

# The inner loop: no server, no root, under a minute. Unit and engine
# tests (fake driver), the driver conformance suite and the end-to-end
# suite on SQLite.
check: $(TEST_BINS)
	@B=$(B) tests/run.sh check

unit: $(B)/unit-tests
	$(B)/unit-tests

# Suites against throwaway servers (started and stopped by tests/run.sh).
e2e integration: deps
	@$(MAKE) --no-print-directory $(TEST_BINS) SANITIZE=$(SANITIZE)
	@B=$(B) tests/run.sh $@

# `make asan` alone: the inner loop built with ASan and UBSan;
# `make asan test` (or check, e2e...): that goal, so built.
asan:
	@$(if $(filter-out asan,$(MAKECMDGOALS)),:,$(MAKE) --no-print-directory check SANITIZE=address$(comma)undefined)

valgrind: deps
	@$(MAKE) --no-print-directory $(TEST_BINS)
	@B=$(B) SG_VALGRIND=1 tests/run.sh valgrind

demo:
	@tests/lib/deps.sh demo
	@$(MAKE) --no-print-directory $(BIN)
	@migrations-example/demo.sh $(BIN)

bench:
	@tests/lib/deps.sh bench
	@$(MAKE) --no-print-directory $(BIN)
	@B=$(B) tests/bench/run.sh

fuzz:
	@tests/fuzz/run.sh $(or $(FUZZ_SECONDS),30)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/schemagate
	install -m 0644 src/schemagate.1 $(DESTDIR)$(MANDIR)/man1/schemagate.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/schemagate $(DESTDIR)$(MANDIR)/man1/schemagate.1

format-check:
	clang-format --dry-run --Werror src/*.c src/drivers/*.c src/libs/*.c include/*.h include/libs/*.h

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability -Iinclude \
	  --suppress=missingIncludeSystem src

clean:
	rm -rf build build-san

-include $(wildcard $(B)/*.d $(B)/drivers/*.d $(B)/libs/*.d $(B)/tests/*/*.d)

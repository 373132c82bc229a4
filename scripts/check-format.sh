#!/usr/bin/env bash
# Fails when a C++ file of the checked folders is not clang-format clean (the repository's
# .clang-format; Debian 12's clang-format 14). With --fix, formats them in place instead.
#
#   scripts/check-format.sh [--fix]
#
# Checked: every C++ file of the library, the tools, the benchmarks, the fuzz targets and
# the unit and consumer tests. Exit status: 0 clean, 1 a file would change (each is listed),
# 77 clang-format missing (ctest counts that as skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

checked=(lib tools bench fuzz tests/unit tests/consumer)

format=${CLANG_FORMAT:-clang-format}
if ! command -v "$format" >/dev/null 2>&1; then
  echo "check-format: $format not found (Debian: clang-format); skipped" >&2
  exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- "${checked[@]}" | grep -E '\.(cpp|hpp)$')
else
  mapfile -t files < <(find "${checked[@]}" -type f \( -name '*.cpp' -o -name '*.hpp' \) | sort)
fi
if [ "${1:-}" = --fix ]; then
  "$format" -i --style=file "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$format" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf 'check-format: not clang-format clean: %s\n' "${bad[@]}" >&2
  echo "check-format: ${#bad[@]} of ${#files[@]} file(s); run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} file(s) clean ($("$format" --version))"

#!/usr/bin/env bash
# Prints the path of flowkit's MKL dispatch shim (flowkit_mkl_amd.c), building it first, when this
# processor is an AMD one that reports AVX-512 and gcc is at hand; prints nothing otherwise, or when
# FLOWKIT_MKL_AVX512=off. The caller puts the path in LD_PRELOAD before the JVM starts.
set -u
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[ "${FLOWKIT_MKL_AVX512:-auto}" = off ] && exit 0
grep -q '^vendor_id[[:space:]]*:[[:space:]]*AuthenticAMD' /proc/cpuinfo 2>/dev/null || exit 0
grep -qw avx512f /proc/cpuinfo || exit 0
folder="$here/../../../target/native"
shim="$folder/libflowkit-mkl-amd.so"
if [ ! -f "$shim" ] || [ "$here/flowkit_mkl_amd.c" -nt "$shim" ]; then
  command -v gcc >/dev/null 2>&1 || exit 0
  mkdir -p "$folder" || exit 0
  gcc -shared -fPIC -O2 -o "$shim.tmp.$$" "$here/flowkit_mkl_amd.c" && mv -f "$shim.tmp.$$" "$shim" || { rm -f "$shim.tmp.$$"; exit 0; }
fi
echo "$(cd "$folder" && pwd)/libflowkit-mkl-amd.so"

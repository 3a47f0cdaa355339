/*
 * flowkit's MKL dispatch shim for AMD processors.
 *
 * libtorch carries Intel's MKL, which chooses its GEMM kernels by the processor's vendor: on AMD it
 * runs its AVX2 kernels even where the processor has AVX-512 (Zen 4 and later), at about half the
 * speed (a 256 x 256 x 256 SGEMM on one core of this project's AMD EPYC machines: 85 GFLOP/s
 * against 165-182). MKL asks mkl_serv_intel_cpu_true() whether it runs on Intel. Preloaded
 * (LD_PRELOAD), this library answers yes; MKL then chooses its kernels by the instruction sets the
 * processor reports, as it does on Intel. flowkit's launcher preloads it only on AMD processors
 * that report AVX-512 (mkl-avx512.sh); README, Performance settings.
 */
int mkl_serv_intel_cpu_true(void) {
    return 1;
}

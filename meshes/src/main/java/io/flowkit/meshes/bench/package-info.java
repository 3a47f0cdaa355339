/** Benchmarks: main classes that time the noise sampler on large meshes and print figures. */
package io.flowkit.meshes.bench;

/** Helpers of this module that are not part of its API: argument checks, text scanning, PLY internals. */
package io.flowkit.datasets.internal;

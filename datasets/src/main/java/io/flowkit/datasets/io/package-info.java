/** What every reader of this module shares: the exception for malformed input. */
package io.flowkit.datasets.io;

/** Safe file output (write to a temporary file, then move into place) and the location of data sets. */
package io.flowkit.core.io;

/** {@code flowkit data}: lists the data sets under {@code FLOWKIT_DATA} and downloads the missing ones. */
package io.flowkit.cli.data;

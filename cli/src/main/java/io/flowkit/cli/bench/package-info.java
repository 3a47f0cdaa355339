/** The suites of {@code flowkit bench} and the report they fill: tables, JSON and pictures. */
package io.flowkit.cli.bench;

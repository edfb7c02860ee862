/** A stored run as k6's {@code --summary-export} JSON, for CI pipelines and for tests that compare a runner's figures with the service's. */
package dev.weft.cloud.summary;

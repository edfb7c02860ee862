/**
 * {@code --out influxdb} (InfluxDB 1.x: database, retention policy, precision, basic auth) and
 * {@code --out xk6-influxdb} (InfluxDB 2.x: organization, bucket, token): every sample as a
 * line-protocol point over HTTP, named and tagged as k6's influxdb output and the
 * xk6-output-influxdb extension write them.
 */
package dev.weft.output.influxdb;

/** k6's cloud API v1 over HTTP: login, token validation, test runs and metrics ingest. */
package dev.weft.cloud.api;

/** Plumbing over the JDK HTTP server: capped body reading, JSON answers, errors as JSON. */
package dev.weft.cloud.http;

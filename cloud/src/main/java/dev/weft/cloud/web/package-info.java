/**
 * The web app: login form, runs list with run-state badges, a run page with live charts
 * (Chart.js from its WebJar) fed by server-sent events.
 */
package dev.weft.cloud.web;

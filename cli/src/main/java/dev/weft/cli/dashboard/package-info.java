/**
 * k6's local web dashboard for {@code weft run} ({@code K6_WEB_DASHBOARD=true} or
 * {@code --out web-dashboard}): the results service embedded in the run, fed by the cloud output.
 */
package dev.weft.cli.dashboard;

/** weft login cloud: checks and stores a results-service token. */
package dev.weft.cli.login;

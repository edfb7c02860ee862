/** Test runs and their run states (Running, Finished, Timed out), kept apart from results. */
package dev.weft.cloud.run;

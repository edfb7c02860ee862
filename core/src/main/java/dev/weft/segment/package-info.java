/**
 * k6's execution segments: how one test is spread over many machines. Each instance gets a
 * segment such as {@code 1/3:2/3} (and usually the whole sequence, {@code 0,1/3,2/3,1}); from
 * those alone it works out exactly which VUs and iterations are its own, so that all
 * instances together run precisely the one-instance test. Built once by the CLI; executors
 * read it through {@link dev.weft.segment.ExecutionTuple}.
 */
package dev.weft.segment;

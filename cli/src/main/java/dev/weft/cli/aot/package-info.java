/** The training run the launcher records the JDK's AOT cache from (class loading, linking, method profiles). */
package dev.weft.cli.aot;

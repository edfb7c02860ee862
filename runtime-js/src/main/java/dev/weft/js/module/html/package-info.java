/** k6/html: parseHTML and jQuery-like selections over jsoup documents. */
package dev.weft.js.module.html;

/** Checked by NullAway: nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package com.infraconsole.security.ui;

import org.jspecify.annotations.NullMarked;

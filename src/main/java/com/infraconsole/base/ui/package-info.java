/** Checked by NullAway: nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package com.infraconsole.base.ui;

import org.jspecify.annotations.NullMarked;

/** Checked by NullAway: nothing here is null unless marked {@code @Nullable}. */
@NullMarked
package com.infraconsole.base.ui.chart;

import org.jspecify.annotations.NullMarked;

package com.infraconsole.base.ui;

import com.vaadin.flow.component.grid.Grid;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Opens a grid's row on a click and on Enter. The grid's item click only follows the mouse; a
 * keyboard user reaches a row with Tab and the arrow keys, so Enter on the focused row (the
 * grid reports which one through its cell focus event) opens it as a click would.
 */
public final class GridRows {

    private GridRows() {}

    public static <T> void openOnClickOrEnter(Grid<T> grid, Consumer<T> open) {
        grid.addItemClickListener(e -> open.accept(e.getItem()));
        var focused = new AtomicReference<T>();
        grid.addCellFocusListener(e -> focused.set(e.getItem().orElse(null)));
        grid.getElement()
                .addEventListener("keydown", e -> {
                    var item = focused.get();
                    if (item != null) {
                        open.accept(item);
                    }
                })
                .setFilter("event.key === 'Enter' && !event.repeat");
    }
}

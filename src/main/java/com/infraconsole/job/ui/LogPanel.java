package com.infraconsole.job.ui;

import com.infraconsole.job.JobLogLine;
import com.infraconsole.job.JobService;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.renderer.LitRenderer;

/**
 * A job's output as a virtualized grid: the browser holds only the rows on screen, fetched by
 * line-number range, so a 1,000,000-line log scrolls like a 100-line one. New lines extend the
 * row count; the view follows the tail while the user is at the bottom and stops following as
 * soon as they scroll up (and follows again when they scroll back down).
 */
class LogPanel extends VerticalLayout {

    private final Grid<JobLogLine> grid = new Grid<>();
    private final Checkbox follow = new Checkbox("Follow output", true);
    private volatile int lineCount;

    LogPanel(JobService jobs, long jobId) {
        setPadding(false);
        setSpacing(false);
        grid.addColumn(JobLogLine::lineNumber).setHeader("#").setWidth("5.5em").setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(LitRenderer.<JobLogLine>of("<span class=\"mono\" style=\"white-space:pre\">${item.text}</span>")
                .withProperty("text", JobLogLine::content)).setHeader("Output").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_ROW_BORDERS);
        grid.setItems(DataProvider.fromCallbacks(
                q -> jobs.logLines(jobId, q.getOffset() + 1, q.getLimit()).stream(),
                q -> lineCount));
        grid.setPageSize(200);
        grid.setSizeFull();
        grid.setEmptyStateText("No output yet.");
        grid.getElement().setAttribute("aria-label", "Job output");
        follow.addValueChangeListener(e -> {
            if (e.getValue() && e.isFromClient()) {
                scrollToTail();
            }
        });
        grid.getElement().executeJs("""
                const grid = this, panel = $0;
                const hook = () => {
                  const t = grid.$ && grid.$.table;
                  if (!t) { setTimeout(hook, 200); return; }
                  t.addEventListener('scroll', () => {
                    const atEnd = t.scrollTop + t.clientHeight >= t.scrollHeight - 40;
                    if (grid.__icAtEnd !== atEnd) { grid.__icAtEnd = atEnd; panel.$server.tailVisible(atEnd); }
                  }, {passive: true});
                };
                hook();""", getElement());
        lineCount = jobs.logLineCount(jobId);
        add(follow, grid);
        setFlexGrow(1, grid);
        if (lineCount > 0) {
            scrollToTail();
        }
    }

    /** More lines were stored: extend the grid, and scroll when following. */
    void linesAvailable(int count) {
        if (count <= lineCount) {
            return;
        }
        lineCount = count;
        grid.getDataProvider().refreshAll();
        if (follow.getValue()) {
            scrollToTail();
        }
    }

    /** After the client has applied the new size, so that the very last line is shown. */
    private void scrollToTail() {
        grid.getElement().executeJs("setTimeout(() => this.scrollToIndex(this.size - 1), 0)");
    }

    int lineCount() {
        return lineCount;
    }

    @ClientCallable
    void tailVisible(boolean atEnd) {
        follow.setValue(atEnd);
    }
}

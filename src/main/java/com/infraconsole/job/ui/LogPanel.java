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
        setWidthFull();
        getStyle().set("flex", "1 1 0").set("min-height", "12rem");
        grid.addColumn(JobLogLine::lineNumber)
                .setHeader("#")
                .setWidth("5.5em")
                .setFlexGrow(0)
                .setTextAlign(com.vaadin.flow.component.grid.ColumnTextAlign.END);
        grid.addColumn(LitRenderer.<JobLogLine>of("<span class=\"mono\" style=\"white-space:pre\">${item.text}</span>")
                        .withProperty("text", JobLogLine::content))
                .setHeader("Output")
                .setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_ROW_BORDERS);
        grid.setItems(DataProvider.fromCallbacks(
                q -> jobs.logLines(jobId, q.getOffset() + 1, q.getLimit()).stream(), q -> lineCount));
        grid.setPageSize(200);
        // Fill what the page leaves (flex-basis 0), never more: the last line must stay on screen.
        grid.setWidthFull();
        grid.getStyle().set("flex", "1 1 0").set("min-height", "8rem");
        grid.setEmptyStateText("No output yet.");
        grid.getElement().setAttribute("aria-label", "Job output");
        follow.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                grid.getElement().executeJs("this.__icFollow = $0", e.getValue());
                if (e.getValue()) {
                    scrollToTail();
                }
            }
        });
        // Following is decided in the browser (no round trip can race it): only a scroll the user
        // makes turns it off or on; scrolls the page makes itself are ignored.
        grid.getElement().executeJs("""
                const grid = this, panel = $0;
                grid.__icFollow = true;
                grid.__icAutoUntil = 0;
                const hook = () => {
                  const t = grid.$ && grid.$.table;
                  if (!t) { setTimeout(hook, 200); return; }
                  t.addEventListener('scroll', () => {
                    if (Date.now() < grid.__icAutoUntil) return;
                    const atEnd = t.scrollTop + t.clientHeight >= t.scrollHeight - 40;
                    if (grid.__icFollow !== atEnd) { grid.__icFollow = atEnd; panel.$server.tailVisible(atEnd); }
                  }, {passive: true});
                };
                hook();""", getElement());
        lineCount = jobs.logLineCount(jobId);
        add(follow, grid);
        if (lineCount > 0) {
            scrollToTail();
        }
    }

    /** More lines were stored: extend the grid; the browser scrolls if it is following. */
    void linesAvailable(int count) {
        if (count <= lineCount) {
            return;
        }
        lineCount = count;
        grid.getDataProvider().refreshAll();
        scrollToTail();
    }

    /** After the client has applied the new size, so that the very last line is shown. */
    private void scrollToTail() {
        // The new size reaches the client grid asynchronously: wait for it (a few frames at most).
        grid.getElement().executeJs("""
                const last = $0, grid = this;
                if (grid.__icFollow === false) return;
                let tries = 0;
                const go = () => {
                  if (grid.size < last + 1 && tries++ < 60) { requestAnimationFrame(go); return; }
                  grid.__icAutoUntil = Date.now() + 400;
                  grid.scrollToIndex(last);
                  // Row heights are estimated until rows render: keep going to the real bottom
                  // until it stays put (a few frames; at most about a second).
                  let frames = 0, settled = 0;
                  const settle = () => {
                    const t = grid.$.table;
                    grid.__icAutoUntil = Date.now() + 400;
                    t.scrollTop = t.scrollHeight;
                    settled = t.scrollTop + t.clientHeight >= t.scrollHeight - 2 ? settled + 1 : 0;
                    if (settled < 3 && frames++ < 60) requestAnimationFrame(settle);
                  };
                  requestAnimationFrame(settle);
                };
                go();""", lineCount - 1);
    }

    int lineCount() {
        return lineCount;
    }

    @ClientCallable
    void tailVisible(boolean atEnd) {
        follow.setValue(atEnd);
    }
}

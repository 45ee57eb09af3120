package com.infraconsole.base.ui;

import com.vaadin.flow.component.tabs.TabSheet;

/**
 * A TabSheet whose tab list holds only tabs. Vaadin's tab list (role tablist) wraps its tabs in
 * a scroll container with tabindex="-1"; being focusable, that container counts as a child of
 * the tablist that is not a tab, which assistive technology and axe-core report as a broken
 * tab structure (aria-required-children, critical). Without the attribute the tabs keep their
 * own roving tabindex and arrow-key navigation.
 */
public final class TabSheets {

    private TabSheets() {}

    public static TabSheet withPlainTabList(TabSheet sheet) {
        sheet.addAttachListener(e -> sheet.getElement().executeJs("""
                const tabs = this.querySelector('vaadin-tabs');
                customElements.whenDefined('vaadin-tabs').then(() => tabs.updateComplete).then(() => {
                  const scroller = tabs.shadowRoot && tabs.shadowRoot.getElementById('scroll');
                  if (scroller) scroller.removeAttribute('tabindex');
                });"""));
        return sheet;
    }
}

package io.convene.admin.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Controls side by side that move to the next line when the window is narrow (a phone), aligned on their text. */
public final class Rows {

    private Rows() {
    }

    public static HorizontalLayout wrapping(Component... components) {
        HorizontalLayout row = new HorizontalLayout(components);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }
}

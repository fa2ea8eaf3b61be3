package io.convene.admin.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** The console's page shell: Lumo, and server push (long polling) so background work shows as it goes. */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
@Theme(themeClass = Lumo.class)
public class ConsoleShell implements AppShellConfigurator {
}

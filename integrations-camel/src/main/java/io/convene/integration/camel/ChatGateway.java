package io.convene.integration.camel;

import io.convene.integration.Announcement;
import io.convene.integration.ChatProviders;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.util.Map;

/** The chat tools' port over Camel: Slack's and Teams' routes. */
@Stateless
@Local(ChatProviders.class)
public class ChatGateway implements ChatProviders {

    @EJB
    CamelRuntime camel;

    @Override
    public void announce(Announcement announcement, Announcement.Target target) {
        String endpoint = switch (target.provider()) {
            case SLACK -> SlackRoutes.ENDPOINT;
            case TEAMS -> TeamsRoutes.ENDPOINT;
            // refused at connect time (Integrations): no such connection can exist
            case GOOGLE, MICROSOFT -> throw new IllegalArgumentException("No announcement route for " + target.provider());
        };
        camel.send(endpoint, announcement, Map.of(RouteHeaders.TARGET, target));
    }

    @Override
    public void slackDirectMessage(Announcement.Target slack, String email, String text) {
        camel.send(SlackRoutes.DIRECT_MESSAGE, text, Map.of(RouteHeaders.TARGET, slack, SlackRoutes.EMAIL, email));
    }

    @Override
    public String slackUserEmail(Announcement.Target slack, String slackUserId) {
        return camel.send(SlackRoutes.USER_EMAIL, slackUserId, Map.of(RouteHeaders.TARGET, slack)).getHeader(SlackRoutes.EMAIL, String.class);
    }

    @Override
    public String check(Announcement.Target target) {
        String endpoint = switch (target.provider()) {
            case SLACK -> SlackRoutes.CHECK;
            case TEAMS -> throw new IllegalArgumentException("Teams incoming webhooks cannot be checked without posting");
            case GOOGLE, MICROSOFT -> throw new IllegalArgumentException(target.provider() + " is no chat tool");
        };
        return camel.send(endpoint, null, Map.of(RouteHeaders.TARGET, target)).getHeader(RouteHeaders.CHECKED, String.class);
    }
}

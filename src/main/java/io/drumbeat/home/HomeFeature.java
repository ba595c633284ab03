package io.drumbeat.home;

import io.drumbeat.Feature;
import io.drumbeat.HomeRefresh;
import io.drumbeat.HomeSection;
import io.drumbeat.Shared;
import io.drumbeat.admin.AdminAction;
import io.drumbeat.admin.AdminJobs;
import io.drumbeat.daily.DailyHome;
import io.drumbeat.delivery.Delivery;
import io.drumbeat.delivery.Followups;
import io.drumbeat.delivery.Outbox;
import io.drumbeat.okr.OkrHome;
import io.drumbeat.retro.RetroHome;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the App Home: the {@code app_home_opened} listener, the renderer that draws a person's
 * Home tab from the database when the outbox publishes it ({@code views.publish}), and the buttons
 * only the Home has. The features contribute their parts as {@link HomeSection}s; the Home puts
 * them in order, each within its share of Slack's 100 blocks.
 */
public final class HomeFeature {
  /** Outbox kind of a Home tab: {@value}. */
  public static final String KIND = "home";

  /** {@code action_id} prefix of the admin job buttons (value: the job's words): {@value}. */
  public static final String RUN_JOB = HomeAdmin.RUN_JOB;

  /** Blocks of the title, the dividers and the admin heading. */
  private static final int FRAME = 8;

  private HomeFeature() {}

  /** The delivery key of {@code userId}'s Home tab, e.g. {@code home:U0AAA1}. */
  public static String key(String userId) {
    return "home:" + userId;
  }

  /**
   * Redraws a person's Home through {@code outbox} (the renderer is registered by {@link
   * #assemble}); made before the features, which are given it in {@link Shared#home()}.
   */
  public static HomeRefresh refresh(Outbox outbox) {
    return (handle, userId) -> outbox.draw(handle, Delivery.home(key(userId), KIND, userId));
  }

  /**
   * A feature's part and the most blocks it may use.
   *
   * @param section the part
   * @param maxBlocks its share of the Home's 100 blocks (its personal part)
   * @param maxAdminBlocks its share in the admin part (0 when it has none)
   */
  record Share(HomeSection section, int maxBlocks, int maxAdminBlocks) {}

  /** The features' parts, in the order they are shown, with their shares of the 100 blocks. */
  private static List<Share> shares(Shared s) {
    return List.of(
        new Share(new OkrHome(s), 30, 2),
        new Share(new DailyHome(s), 8, 3),
        new Share(RetroHome.actions(s), 24, 0),
        new Share(RetroHome.retros(s), 16, 0));
  }

  /**
   * Builds the Home from the shared parts and the features' sections.
   *
   * @param s the shared parts; {@code s.home()} must be {@link #refresh}{@code (s.outbox())}
   * @param actions the {@code /drumbeat} jobs an admin may run from the Home
   * @param jobs runs them
   * @return its listeners (no jobs, no {@code /drumbeat} actions)
   * @throws IllegalStateException when the shares do not fit 100 blocks (a bug)
   */
  public static Feature assemble(Shared s, List<AdminAction> actions, AdminJobs jobs) {
    List<Share> shares = shares(s);
    HomeAdmin admin =
        new HomeAdmin(actions, jobs, s.config()::isAdmin, new Followups(s.jdbi(), s.outbox()));
    List<HomeRenderer.Part> parts = new ArrayList<>();
    List<HomeRenderer.Part> adminParts = new ArrayList<>();
    int total = FRAME + 2;
    for (Share share : shares) {
      parts.add(new HomeRenderer.Part(share.section(), share.maxBlocks()));
      if (share.maxAdminBlocks() > 0) {
        adminParts.add(new HomeRenderer.Part(share.section(), share.maxAdminBlocks()));
      }
      total += share.maxBlocks() + share.maxAdminBlocks();
    }
    adminParts.add(new HomeRenderer.Part(admin, 2));
    if (total > HomeRenderer.MAX_BLOCKS) {
      throw new IllegalStateException("The Home's shares add up to " + total + " blocks");
    }
    s.outbox().register(KIND, new HomeRenderer(parts, adminParts, s.config()::isAdmin));
    HomeEvents events = new HomeEvents(s.home(), s.replays());
    return new Feature(
        List.of(),
        List.of(),
        app -> {
          events.register(app);
          admin.register(app);
          shares.forEach(share -> share.section().register(app));
        },
        List.of(),
        "Open Drumbeat's *Home* tab: your key results, today's update, your action items and"
            + " retros");
  }
}

package io.drumbeat;

/**
 * How a {@link TestSlackApp} takes Slack's requests: signed POSTs to {@code /slack/events}, or
 * Socket Mode envelopes through the double's WebSocket (then Drumbeat has no signing secret at
 * all). The same listeners serve both, so the key flows run over each.
 */
public enum Transport {
  HTTP,
  SOCKET_MODE
}

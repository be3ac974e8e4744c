DROP TABLE IF EXISTS ChannelMemberHistory;

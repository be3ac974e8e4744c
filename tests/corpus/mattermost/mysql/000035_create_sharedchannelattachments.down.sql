DROP TABLE IF EXISTS SharedChannelAttachments;

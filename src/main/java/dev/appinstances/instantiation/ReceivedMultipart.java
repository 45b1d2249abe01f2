package dev.appinstances.instantiation;

import dev.appinstances.instance.StoredPart;
import java.util.List;

/** A fully received multipart create: the template (empty if none) and the stored parts. */
record ReceivedMultipart(byte[] instanceTemplate, List<StoredPart> parts) {}

#!/bin/sh
# Janus's VideoRoom needs the admin key Convene is given (JANUS_ADMIN_KEY); the HTTP API listens on 8088
set -eu
: "${JANUS_ADMIN_KEY:?set JANUS_ADMIN_KEY, the same as Convene's CONVENE_MEDIA_JANUS_ADMIN_KEY}"
cat > /etc/janus/janus.plugin.videoroom.jcfg <<CFG
general: {
	string_ids = true
	admin_key = "$JANUS_ADMIN_KEY"
}
CFG
cat > /etc/janus/janus.transport.http.jcfg <<CFG
general: {
	json = "compact"
	base_path = "/janus"
	http = true
	port = 8088
	https = false
}
admin: {
	admin_http = false
}
CFG
exec janus --configs-folder=/etc/janus

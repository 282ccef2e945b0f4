#!/bin/sh
# Run COMMAND in DIR:  in-dir.sh DIR COMMAND...
cd "$1" || exit 1
shift
exec "$@"

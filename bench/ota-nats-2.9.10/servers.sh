#!/bin/bash
# usage: servers.sh start|stop|restart-leaf|wipe-leaf
D=/tmp/ota-exp
case "$1" in
start)
  for s in hub truck1; do
    /usr/sbin/nats-server -c $D/conf/$s.conf -l $D/data/$s.log & echo $! > $D/data/$s.pid
  done; sleep 1; cat $D/data/*.pid ;;
stop)
  for s in hub truck1; do [ -f $D/data/$s.pid ] && kill $(cat $D/data/$s.pid) && rm $D/data/$s.pid; done ;;
esac

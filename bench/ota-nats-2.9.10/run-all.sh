#!/bin/bash
# Re-runs the measured matrix (servers must be running: ./servers.sh start)
cd /tmp/ota-exp; . ./env.sh; O=data/final
for cfg in "1 false" "4 false" "16 false" "4 true" "16 true" "64 true"; do
  timeout 200 java -cp $CP Exp2AgentFetch.java 1 4194304 0 $cfg 50 > "$O/exp2-batch-$(echo $cfg|tr ' ' _).txt" 2>&1
done
timeout 400 java -cp $CP Exp2AgentFetch.java 3 1048576 20000 16 true > $O/exp2-drop-b16p.txt 2>&1
timeout 600 java -cp $CP Exp3LeafSource.java sourceAll 3 1048576 20000 > $O/exp3-sourceAll.txt 2>&1
timeout 600 java -cp $CP Exp3LeafSource.java mirror 3 1048576 20000 > $O/exp3-mirror.txt 2>&1
timeout 300 java -cp $CP Exp1ObjectStoreGet.java 3 1048576 0 > $O/exp1-throttled-stable.txt 2>&1
timeout 300 java -cp $CP Exp1ObjectStoreGet.java 2 1048576 20000 > $O/exp1-throttled-drop.txt 2>&1
echo ALLDONE > $O/done

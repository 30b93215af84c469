export CP=/root/.m2/repository/io/nats/jnats/2.26.2/jnats-2.26.2.jar:/tmp/ota-exp/classes

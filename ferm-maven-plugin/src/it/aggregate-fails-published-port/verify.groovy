def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertAggregateRefused(basedir, ['host port 8443/tcp published by both service alpha (it.ferm.released:alpha:1.0:tar.gz:ferm,',
        'and service gamma (it.ferm.released:gamma:1.0:tar.gz:ferm,', 'publish one of the services on another host port'])
true

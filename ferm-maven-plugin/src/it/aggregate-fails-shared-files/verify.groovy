def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertAggregateRefused(basedir, ['ferm.d/00-docker.ferm differs between service alpha (it.ferm.released:alpha:1.0:tar.gz:ferm,',
        'and service beta (it.ferm.released:beta-eth1:1.0:tar.gz:ferm,', 'the same docker:, swarm: and defaults: sections'])
true

def its = new GroovyClassLoader(getClass().classLoader).parseClass(new File(basedir, '../../../src/it/ItSupport.groovy'))
its.assertAggregateRefused(basedir, ['service alpha comes from two bundles: it.ferm.released:alpha:1.0:tar.gz:ferm (',
        ') and it.ferm.released:alpha-twin:1.0:tar.gz:ferm (', 'A host runs each service once'])
true
